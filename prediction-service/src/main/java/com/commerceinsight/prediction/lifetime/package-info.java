/**
 * Buy-till-you-die models beside the repurchase classifiers: BG/NBD (Fader, Hardie and Lee 2005, "Counting your
 * customers the easy way") for how many purchases a customer makes and whether they are still a customer, and
 * Gamma-Gamma (Fader, Hardie and Lee 2005, "RFM and CLV") for how much they spend per purchase. Both are fitted by
 * maximum likelihood on per-customer summaries, evaluated with the classifiers' out-of-time protocol, and served per
 * customer with a 12-month lifetime value. Method notes: docs/lifetime.md.
 */
package com.commerceinsight.prediction.lifetime;
