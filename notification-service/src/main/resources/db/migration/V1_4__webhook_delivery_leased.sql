-- A tenant's deliveries in flight (leased, by any instance) take its places: the claim counts them per tenant.
create index webhook_delivery_leased on webhook_delivery (tenant, lease_until) where state = 'PENDING' and lease_until is not null;
