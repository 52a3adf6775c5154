package dev.mentoring.matching.domain;

/**
 * How people get into a program: HR_ENROLS = only HR (an admin or the HR platform) enrols them; APPLY = people apply
 * and an admin approves or declines; OPEN = people join themselves.
 */
public enum Joining {
    HR_ENROLS, APPLY, OPEN
}
