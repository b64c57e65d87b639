package com.commerceinsight.analytics.imports.jobs;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where import jobs started over the API may read files from. */
@ConfigMapping(prefix = "analytics.imports")
public interface ImportConfig {

    /**
     * The folder that import paths given over the API are resolved against; a path may not leave it, so the API
     * cannot be used to read arbitrary files of the server.
     */
    @WithDefault("data/imports")
    Path directory();
}
