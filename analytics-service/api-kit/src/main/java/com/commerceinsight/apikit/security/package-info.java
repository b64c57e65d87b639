/**
 * Who is calling: the role names every service's rules use, the customer a shopper's token speaks for, and the
 * problem answers for callers without a token (401) or without the role (403).
 */
package com.commerceinsight.apikit.security;
