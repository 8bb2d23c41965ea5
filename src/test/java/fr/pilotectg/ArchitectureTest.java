package fr.pilotectg;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Package by feature: a feature ({@code fr.pilotectg.<feature>}) is used by others only through its
 * public services and records. Its repositories, controllers and {@code internal} sub-packages are
 * its own business.
 */
@AnalyzeClasses(packages = "fr.pilotectg", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String BASE = "fr.pilotectg.";

    @ArchTest
    static final ArchRule internals_of_a_feature_are_used_only_inside_it = classes()
            .that(areFeatureInternals())
            .should(beAccessedOnlyFromTheirOwnFeature());

    @ArchTest
    static final ArchRule features_do_not_depend_on_each_other_in_a_cycle = slices()
            .matching("fr.pilotectg.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule shared_kernel_depends_on_no_feature = noClasses()
            .that().resideInAPackage("fr.pilotectg.shared..")
            .should().dependOnClassesThat().resideOutsideOfPackages(
                    "fr.pilotectg.shared..", "java..", "javax..", "jakarta..", "org..", "com..", "io..", "tools..", "net..");

    private static DescribedPredicate<JavaClass> areFeatureInternals() {
        return DescribedPredicate.describe("are internals of a feature (repository, controller, internal package)",
                c -> c.getPackageName().startsWith(BASE)
                        && (c.getSimpleName().endsWith("Repository")
                        || c.getSimpleName().endsWith("Controller")
                        || c.getPackageName().contains(".internal")));
    }

    private static ArchCondition<JavaClass> beAccessedOnlyFromTheirOwnFeature() {
        return new ArchCondition<>("be used only from their own feature") {
            @Override
            public void check(JavaClass internal, ConditionEvents events) {
                String feature = featureOf(internal);
                internal.getDirectDependenciesToSelf().forEach(dependency -> {
                    JavaClass origin = dependency.getOriginClass();
                    if (!featureOf(origin).equals(feature)) {
                        events.add(SimpleConditionEvent.violated(dependency,
                                origin.getName() + " (feature " + featureOf(origin) + ") uses " + internal.getName()
                                        + ", an internal of feature " + feature + ": call its public service instead"));
                    }
                });
            }
        };
    }

    static String featureOf(JavaClass c) {
        String rest = c.getPackageName().substring(Math.min(c.getPackageName().length(), BASE.length()));
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
