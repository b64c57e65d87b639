/**
 * Paged lists as every service answers them: a {@link com.commerceinsight.apikit.paging.Page} of items with its total,
 * read through a {@link com.commerceinsight.apikit.paging.PageRequest} that checks the page and size first (400 naming
 * the parameter).
 */
package com.commerceinsight.apikit.paging;
