// The VitrineKit module.
