package dev.mentoring.plumbing.skeleton.planted.application;

import java.time.OffsetDateTime;

import dev.mentoring.plumbing.skeleton.planted.api.PlantedView;

/** Breaks three rules on purpose: returns a view, reads the system clock, and is not named in the plural. */
public class PlantedHelper {

    public PlantedView view() {
        return new PlantedView(OffsetDateTime.now().toString());
    }
}
