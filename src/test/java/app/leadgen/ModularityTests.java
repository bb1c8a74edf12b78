package app.leadgen;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Every top-level package is a module; modules use each other only through their root packages. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(LeadGenApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagrams() throws java.io.IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        // the diagram in docs/ is the one the code draws: after a change of modules, copy
        // target/modulith-docs/*.puml to docs/modules/
        java.nio.file.Path generated = java.nio.file.Path.of("target/modulith-docs/components.puml");
        java.nio.file.Path committed = java.nio.file.Path.of("docs/modules/components.puml");
        // compared line by line as sets: the Documenter does not promise an order
        org.assertj.core.api.Assertions.assertThat(lines(committed))
                .as("docs/modules/components.puml is out of date: copy target/modulith-docs/*.puml to docs/modules/")
                .isEqualTo(lines(generated));
    }

    private static java.util.Set<String> lines(java.nio.file.Path file) throws java.io.IOException {
        return new java.util.TreeSet<>(java.nio.file.Files.readAllLines(file).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList());
    }
}
