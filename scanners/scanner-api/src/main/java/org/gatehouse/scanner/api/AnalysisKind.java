package org.gatehouse.scanner.api;

/** The test activity a report belongs to (B.1.3.1-ie: code scan, black-box scan; plus secrets and composition). */
public enum AnalysisKind {
    WHITE_BOX, BLACK_BOX, SECRETS, COMPOSITION
}
