NAME = "plugin from a sys.path entry added at run time"
