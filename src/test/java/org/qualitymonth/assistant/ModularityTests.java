package org.qualitymonth.assistant;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is a module that reaches others only through their public entry types, with no cycles;
 * the generated module documentation in {@code docs/modules} shows the result.
 */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(AssistantApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}

}
