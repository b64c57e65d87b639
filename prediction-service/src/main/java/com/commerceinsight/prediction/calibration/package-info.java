/**
 * Calibrated probabilities: isotonic and Platt calibrators fitted on out-of-fold predictions of the training snapshot,
 * the choice between them, and the reliability curve that shows the effect.
 */
package com.commerceinsight.prediction.calibration;
