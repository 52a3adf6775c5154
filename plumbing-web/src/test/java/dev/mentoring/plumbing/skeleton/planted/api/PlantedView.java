package dev.mentoring.plumbing.skeleton.planted.api;

/** A view, as api holds them: what the planted use case wrongly returns. */
public record PlantedView(String name) {
}
