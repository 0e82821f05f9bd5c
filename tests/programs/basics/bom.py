# A UTF-8 byte order mark may start a source file.
print("bom ok")
