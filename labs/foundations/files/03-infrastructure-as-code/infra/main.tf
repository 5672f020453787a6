# The prediction service's infrastructure: one spot instance that runs the container.
terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
  # Every resource gets these tags, so the bill and the console show what belongs to what.
  default_tags {
    tags = {
      project     = "predict-service"
      environment = var.environment
      managed_by  = "terraform"
    }
  }
}

# The newest Debian 12 image published by Debian's own AWS account.
data "aws_ami" "debian" {
  most_recent = true
  owners      = ["136693071363"]
  filter {
    name   = "name"
    values = ["debian-12-amd64-*"]
  }
}

# TODO 1: a security group "predict" that allows
#   - SSH (TCP 22) from var.ssh_cidr only,
#   - the API (TCP var.app_port) from anywhere,
#   - all outgoing traffic.

# TODO 2: a key pair "admin" whose public key is read from var.public_key_path.

# TODO 3: an IAM role "predict" that EC2 may assume, with the AWS-managed ComprehendReadOnly
#         policy attached, and an instance profile "predict" that carries the role.

# TODO 4: an instance "predict" from data.aws_ami.debian, sized by var.instance_type,
#         bought on the spot market, using the key pair, the security group and the
#         instance profile, and starting the container at boot through user_data.
