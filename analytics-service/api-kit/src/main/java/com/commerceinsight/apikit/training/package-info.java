/**
 * The training jobs API every ML service answers alike: start a job (202 with its Location, within the training
 * queue's capacity and the caller's allowance), follow one, list them. A service's resource extends
 * {@link com.commerceinsight.apikit.training.TrainingJobsResource} with its path and its {@link
 * com.commerceinsight.apikit.training.TrainingJobQueue}.
 */
package com.commerceinsight.apikit.training;
