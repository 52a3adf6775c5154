package dev.mentoring.matching.domain;

import java.util.regex.Pattern;

/** The id an HR platform knows a person by: 1-64 letters, digits or . _ : - */
public final class EmployeeId {

    /** What a valid employee id looks like, as a message about the field. */
    public static final String RULE = "must be 1-64 letters, digits or . _ : -";

    private static final Pattern PATTERN = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");

    private EmployeeId() {
    }

    public static boolean isValid(String employeeId) {
        return employeeId != null && PATTERN.matcher(employeeId).matches();
    }
}
