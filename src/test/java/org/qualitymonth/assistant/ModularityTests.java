package org.qualitymonth.assistant;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is a module that reaches others only through their public entry
 * types, with no cycles; the generated module documentation shows the result. It is
 * written to {@code target/modules} on every run (Modulith orders the relations
 * differently each time, so writing to {@code docs/} would leave every checkout changed);
 * {@code ./mvnw test -Dtest=ModularityTests -Dmodules.docs=docs/modules} refreshes the
 * committed copy.
 */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(AssistantApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesModuleDocumentation() {
		String folder = System.getProperty("modules.docs", "target/modules");
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder)).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}

}
