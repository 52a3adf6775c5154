package dev.mentoring.notification.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** The copies of requests' and partnerships' two people. */
@ApplicationScoped
public class PartnershipCopyRepository implements PanacheRepositoryBase<PartnershipCopy, UUID> {
}
