package com.commerceinsight.deploy;

/** One statement of a rendered SQL Server script, with the changeset it came from; dynamic when it is the text an EXEC runs. */
record RenderedStatement(String changeset, String sql, boolean dynamic) {
}
