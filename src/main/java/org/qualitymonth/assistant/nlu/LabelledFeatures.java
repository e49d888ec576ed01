package org.qualitymonth.assistant.nlu;

import java.util.List;

/** The features of one training example and the intent it belongs to. */
record LabelledFeatures(String label, List<String> features) {

	LabelledFeatures {
		features = List.copyOf(features);
	}

}
