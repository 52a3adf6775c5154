-- The endpoints' signing secrets are stored sealed (AES-256-GCM, WebhookSecrets): sealed:<key id>:<nonce>:<ciphertext>,
-- longer than the secret itself. Secrets stored in the clear before are sealed by the relay at its first pass.
alter table webhook_endpoint alter column secret type varchar(255), alter column previous_secret type varchar(255);
