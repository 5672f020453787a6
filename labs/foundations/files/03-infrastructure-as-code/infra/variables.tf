variable "region" {
  description = "AWS region to create everything in"
  type        = string
  default     = "eu-west-1"
}

variable "environment" {
  description = "dev, staging or production; part of every name so environments never collide"
  type        = string
}

variable "instance_type" {
  description = "EC2 instance size, e.g. t3.micro for dev and t3.large for production"
  type        = string
}

variable "app_port" {
  description = "TCP port the prediction API listens on"
  type        = number
  default     = 5000
}

variable "ssh_cidr" {
  description = "The only network allowed to reach SSH, e.g. your office's address with /32"
  type        = string
}

variable "public_key_path" {
  description = "Path to the SSH public key installed on the instance"
  type        = string
  default     = "~/.ssh/id_ed25519.pub"
}

variable "image" {
  description = "Container image of the prediction service, pulled from a registry at boot"
  type        = string
  default     = "registry.example.com/course/predict-service:1.2.0"
}
