package com.commerceinsight.analytics.imports;

import java.nio.file.Path;

/** Loads one layout of data set (a folder or a file) into the commerce schema through an {@link ImportSession}. */
public interface DatasetImporter {

    /** The format's name as the API and the command line take it, e.g. {@code seed-shop}. */
    String format();

    /** The data_source tag written on the rows this importer creates unless the import names another. */
    default String defaultDataSource() {
        return format();
    }

    void importInto(ImportSession session, Path source) throws Exception;
}
