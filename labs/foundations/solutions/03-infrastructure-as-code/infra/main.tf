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

resource "aws_security_group" "predict" {
  name        = "predict-${var.environment}"
  description = "SSH from the admin network, the prediction API from anywhere"

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.ssh_cidr]
  }

  ingress {
    description = "prediction API"
    from_port   = var.app_port
    to_port     = var.app_port
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_key_pair" "admin" {
  key_name   = "predict-${var.environment}"
  public_key = file(pathexpand(var.public_key_path))
}

# Code on the instance calls AWS APIs with this role's short-lived credentials,
# so no access key is ever written to the machine.
resource "aws_iam_role" "predict" {
  name = "predict-${var.environment}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "comprehend" {
  role       = aws_iam_role.predict.name
  policy_arn = "arn:aws:iam::aws:policy/ComprehendReadOnly"
}

resource "aws_iam_instance_profile" "predict" {
  name = "predict-${var.environment}"
  role = aws_iam_role.predict.name
}

resource "aws_instance" "predict" {
  ami                    = data.aws_ami.debian.id
  instance_type          = var.instance_type
  key_name               = aws_key_pair.admin.key_name
  vpc_security_group_ids = [aws_security_group.predict.id]
  iam_instance_profile   = aws_iam_instance_profile.predict.name

  # Spot capacity costs a fraction of on-demand; AWS may take it back with two minutes'
  # notice, which a stateless service rebuilt from code can live with.
  instance_market_options {
    market_type = "spot"
    spot_options {
      instance_interruption_behavior = "terminate"
    }
  }

  user_data = <<-EOT
    #!/bin/sh
    apt-get update && apt-get install -y docker.io
    docker run -d --restart unless-stopped -p ${var.app_port}:5000 ${var.image}
  EOT

  tags = {
    Name = "predict-${var.environment}"
  }
}
