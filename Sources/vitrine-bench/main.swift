print("vitrine-bench")
