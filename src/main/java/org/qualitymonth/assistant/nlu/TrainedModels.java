package org.qualitymonth.assistant.nlu;

import java.util.List;

import opennlp.tools.doccat.DoccatModel;

/**
 * What training produces: the scope and intent models, and the features of every example
 * (the nearest-example index is built from them). Written to disk and read back by
 * {@link TrainedModelCache}.
 */
record TrainedModels(DoccatModel scope, DoccatModel intents, List<LabelledFeatures> examples) {

	TrainedModels {
		examples = List.copyOf(examples);
	}

}
