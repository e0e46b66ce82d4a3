// The Segmentation module.
