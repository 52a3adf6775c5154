package dev.mentoring.plumbing.skeleton.planted.persistence;

import dev.mentoring.plumbing.skeleton.planted.application.PlantedHelper;

/** Breaks the rule that persistence knows nothing of its callers. */
public final class PlantedStore {

    private final PlantedHelper caller = new PlantedHelper();

    public String name() {
        return caller.view().name();
    }
}
