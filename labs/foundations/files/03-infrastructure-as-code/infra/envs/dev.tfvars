# terraform apply -var-file=envs/dev.tfvars
environment   = "dev"
instance_type = "t3.micro"
ssh_cidr      = "203.0.113.10/32"
