print("starter")
