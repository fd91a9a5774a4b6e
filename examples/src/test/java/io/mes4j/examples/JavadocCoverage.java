package io.mes4j.examples;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds the elements of a module's public API that have no Javadoc comment: public or protected
 * types, constructors, methods, fields and enum constants, outside the {@code internal} packages.
 * A method marked {@code @Override} inherits its comment. Sources are only parsed, not compiled.
 *
 * <p>The compilation's doclint ({@code -Xdoclint:all/protected,-missing}, parent pom) checks that
 * the comments are well-formed; this checks that they are there, without asking for a {@code
 * @param} and {@code @return} on every accessor.
 */
final class JavadocCoverage {
  private JavadocCoverage() {}

  /**
   * The undocumented API elements under a source root, as {@code path:line name}.
   *
   * @param sourceRoot a module's {@code src/main/java}
   * @return one line per element without a comment; empty when every element has one
   */
  static List<String> missing(Path sourceRoot) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sourceRoot)) {
      files =
          walk.filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !p.getFileName().toString().equals("module-info.java"))
              .filter(p -> !p.getFileName().toString().equals("package-info.java"))
              .filter(p -> !isInternal(sourceRoot.relativize(p)))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (files.isEmpty()) {
      return List.of();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> missing = new ArrayList<>();
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
      JavacTask task =
          (JavacTask) javac.getTask(null, fm, d -> {}, List.of("-proc:none"), null, units);
      DocTrees docs = DocTrees.instance(task);
      for (CompilationUnitTree unit : task.parse()) {
        new Scanner(unit, docs, missing).scan(unit, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return missing;
  }

  private static boolean isInternal(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.equals("internal") || name.equals("cli")) {
        return true;
      }
    }
    return false;
  }

  private static final class Scanner extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final DocTrees docs;
    private final List<String> missing;

    Scanner(CompilationUnitTree unit, DocTrees docs, List<String> missing) {
      this.unit = unit;
      this.docs = docs;
      this.missing = missing;
    }

    @Override
    public Void visitClass(ClassTree type, Void unused) {
      if (!visible(type.getModifiers(), getCurrentPath())) {
        return null; // nothing inside a hidden type is API
      }
      require(type.getSimpleName().toString());
      return super.visitClass(type, unused);
    }

    @Override
    public Void visitMethod(MethodTree method, Void unused) {
      boolean override =
          method.getModifiers().getAnnotations().stream()
              .anyMatch(a -> a.getAnnotationType().toString().endsWith("Override"));
      if (!override && visible(method.getModifiers(), getCurrentPath())) {
        require(method.getName().toString());
      }
      return null; // no API inside a body
    }

    @Override
    public Void visitVariable(VariableTree field, Void unused) {
      if (getCurrentPath().getParentPath().getLeaf() instanceof ClassTree
          && visible(field.getModifiers(), getCurrentPath())) {
        require(field.getName().toString());
      }
      return null;
    }

    /** Public or protected, or a member of an interface or annotation that is not private. */
    private static boolean visible(ModifiersTree modifiers, TreePath path) {
      var flags = modifiers.getFlags();
      if (flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED)) {
        return true;
      }
      Tree parent = path.getParentPath().getLeaf();
      if (parent instanceof ClassTree owner) {
        Tree.Kind kind = owner.getKind();
        boolean implicitlyPublic = kind == Tree.Kind.INTERFACE || kind == Tree.Kind.ANNOTATION_TYPE;
        boolean enumConstant =
            kind == Tree.Kind.ENUM
                && path.getLeaf() instanceof VariableTree v
                && v.getType() == null;
        return (implicitlyPublic && !flags.contains(Modifier.PRIVATE)) || enumConstant;
      }
      return false;
    }

    private void require(String name) {
      if (docs.getDocCommentTree(getCurrentPath()) == null) {
        long line =
            unit.getLineMap()
                .getLineNumber(
                    docs.getSourcePositions().getStartPosition(unit, getCurrentPath().getLeaf()));
        missing.add(Path.of(unit.getSourceFile().toUri()).getFileName() + ":" + line + " " + name);
      }
    }
  }
}
