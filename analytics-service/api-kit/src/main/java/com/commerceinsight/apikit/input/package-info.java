/**
 * Bad input as 400 problems that name the field: configured parameter bounds, the field path of a JSON body Jackson
 * could not bind, and the path or query parameter that did not convert (which JAX-RS would answer 404).
 */
package com.commerceinsight.apikit.input;
