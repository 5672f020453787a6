# TODO: an output "public_ip" with the instance's public IP address, and an output
#       "api_url" with http://<that address>:<app_port>/health
