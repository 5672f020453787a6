output "public_ip" {
  description = "Public address of the instance"
  value       = aws_instance.predict.public_ip
}

output "api_url" {
  description = "Where to check that the service is up"
  value       = "http://${aws_instance.predict.public_ip}:${var.app_port}/health"
}
