/**
 * The model versions API every ML service answers alike: list, the active one, one with its report, activation. A
 * service's resource extends {@link com.commerceinsight.apikit.models.ModelVersionsResource} with its path and its
 * registry; the operations, their roles and their limits are declared once, here.
 */
package com.commerceinsight.apikit.models;
