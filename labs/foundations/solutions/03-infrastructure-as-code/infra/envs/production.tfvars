# terraform apply -var-file=envs/production.tfvars
environment   = "production"
instance_type = "t3.large"
ssh_cidr      = "203.0.113.10/32"
