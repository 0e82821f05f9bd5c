MORE = ["fig"]
