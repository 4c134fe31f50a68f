package org.gatehouse.workflow.environment;

/** What an environment is for (C.2). */
public enum EnvironmentKind {
    DEVELOPMENT, TEST, STAGING, PRODUCTION;

    /** Development and test: where production keys and data must never be (8.5.2). */
    public boolean isDevelopmentOrTest() {
        return this == DEVELOPMENT || this == TEST;
    }
}
