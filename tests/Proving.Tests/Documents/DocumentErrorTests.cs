using Hms.Proving.Documents;

namespace Hms.Proving.Tests.Documents;

public sealed class DocumentErrorTests
{
    [Fact]
    public void UnknownFieldNamesFileTheoremPositionAndTheKnownFields()
    {
        const string yaml = """
            theorems:
              - id: cd-demand
                statement: "x > 0"
              - id: other
                statement: "y > 0"
              - id: cd-demand2
                assumption:
                  - "x > 0"
                statement: "x > 0"
            """;

        var file = TheoremFileLoader.LoadText(yaml, "consumer.yaml");

        Assert.Equal(["cd-demand", "other"], file.Theorems.Select(t => t.Id));
        var error = Assert.Single(file.Errors);
        Assert.Equal(
            "consumer.yaml:7:5: theorem 'cd-demand2': unknown field 'assumption' (expected one of: id, name, domain, format, "
            + "variables, definitions, assumptions, statement, lean_code, timeout_seconds, strategies, use_genetic_optimization, metadata, expected); "
            + "did you mean 'assumptions'?",
            error.ToString());
        Assert.Equal(("consumer.yaml", "cd-demand2", 7, 5), (error.File, error.TheoremId, error.Line, error.Column));
    }

    [Fact]
    public void UnknownVariableType()
    {
        const string yaml = """
            id: a
            statement: "p > 0"
            variables:
              q: Int
              p: Float
            """;

        Assert.Equal(
            "x.yaml:5:6: theorem 'a': variable 'p' has unknown type 'Float' (expected Real, Int or Bool)",
            SingleError(yaml, "x.yaml").ToString());
    }

    [Fact]
    public void UnknownVariableTypeInFlowStyle()
    {
        Assert.Equal(
            "x.yaml:4:16: theorem 'a': variable 'p' has unknown type 'Float' (expected Real, Int or Bool)",
            SingleError("id: a\nstatement: p > 0\n\nvariables: {p: Float}\n", "x.yaml").ToString());
    }

    [Fact]
    public void MissingStatement()
    {
        Assert.Equal(
            "t.yaml:1:1: theorem 'no-claim': missing field 'statement' (expected a formula)",
            SingleError("id: no-claim\nname: nothing to prove\n", "t.yaml").ToString());
    }

    [Theory]
    [InlineData("statement: \"\"\n", 1, 12)]
    [InlineData("statement: '   '\n", 1, 12)]
    [InlineData("statement:\n", 1, 11)]
    [InlineData("name: n\nstatement: |\n\n", 2, 12)]
    public void EmptyStatement(string yaml, int line, int column)
    {
        var error = SingleError(yaml, "empty.yaml");

        Assert.Equal("empty.yaml", error.File);
        Assert.Equal("empty", error.TheoremId);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal("field 'statement' is empty (expected a formula)", error.Message);
    }

    [Fact]
    public void DuplicateIds()
    {
        const string yaml = """
            theorems:
              - id: twin
                statement: "a = a"
              - id: twin
                statement: "b = b"
            """;

        var file = TheoremFileLoader.LoadText(yaml, "twins.yaml");

        Assert.Equal("twin", Assert.Single(file.Theorems).Id);
        Assert.Equal(
            "twins.yaml:4:9: duplicate id 'twin' (already used by the theorem at line 2)",
            Assert.Single(file.Errors).ToString());
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/inside")]
    [InlineData("..")]
    [InlineData("ünïcode")]
    public void IdsMustBeSimple(string id)
    {
        var error = SingleError($"id: \"{id}\"\nstatement: a\n", "ids.yaml");

        Assert.Equal((1, 5), (error.Line, error.Column));
        Assert.Null(error.TheoremId);
        Assert.Equal($"invalid id '{id}' (expected 1 to 128 ASCII letters, digits, '_', '-' or '.')", error.Message);
    }

    [Fact]
    public void IdsMayBe128CharactersButNotMore()
    {
        Assert.Empty(TheoremFileLoader.LoadText($"id: {new string('a', 128)}\nstatement: a\n", "long.yaml").Errors);
        Assert.Contains("invalid id", SingleError($"id: {new string('a', 129)}\nstatement: a\n", "long.yaml").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileNameThatIsNoIdNeedsAnIdField()
    {
        Assert.Equal(
            "my theorem.yaml:1:1: the file name gives the id 'my theorem', which is not a valid id "
            + "(expected 1 to 128 ASCII letters, digits, '_', '-' or '.'); add an 'id' field",
            SingleError("statement: a\n", "my theorem.yaml").ToString());
        Assert.Empty(TheoremFileLoader.LoadText("id: fine\nstatement: a\n", "my theorem.yaml").Errors);
    }

    [Fact]
    public void SeveralTheoremsNeedIds()
    {
        var file = TheoremFileLoader.LoadText("theorems:\n  - statement: a\n  - id: b\n    statement: b\n", "two.yaml");

        Assert.Equal("b", Assert.Single(file.Theorems).Id);
        Assert.Equal(
            "two.yaml:2:5: missing field 'id' (required when a file holds several theorems)",
            Assert.Single(file.Errors).ToString());
    }

    [Fact]
    public void InvalidYamlSyntaxReportsTheParsersPosition()
    {
        var error = SingleError("id: t\nstatement: \"unterminated\nname: x\n", "syntax.yaml");

        Assert.Null(error.TheoremId);
        Assert.Equal(2, error.Line);
        Assert.StartsWith("invalid YAML: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidMappingSyntax()
    {
        var error = SingleError("id: t\nstatement: a: b\n", "syntax.yaml");

        Assert.Equal("syntax.yaml:2:13: invalid YAML: While scanning a plain scalar value, found invalid mapping.", error.ToString());
    }

    [Fact]
    public void UnclosedFlowListIsReportedNotThrown()
    {
        var error = SingleError("id: t\nassumptions: [a, b\nstatement: c\n", "flow.yaml");

        Assert.StartsWith("invalid YAML: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Theory]
    [InlineData("statement: [a, b]\n", "field 'statement': expected a formula string, found a list")]
    [InlineData("statement: {a: b}\n", "field 'statement': expected a formula string, found a mapping")]
    [InlineData("statement: a\nname: [x]\n", "field 'name': expected a string, found a list")]
    [InlineData("statement: a\nassumptions: x > 0\n", "field 'assumptions': expected a list of formula strings, found 'x > 0'")]
    [InlineData("statement: a\nassumptions: [[x]]\n", "assumption 1: expected a formula string, found a list")]
    [InlineData("statement: a\nassumptions: [x, '']\n", "assumption 2 is empty (expected a formula)")]
    [InlineData("statement: a\nvariables: [x]\n", "field 'variables': expected a mapping of variable name to Real, Int or Bool, found a list")]
    [InlineData("statement: a\nvariables: {x: }\n", "variable 'x' has no type (expected Real, Int or Bool)")]
    [InlineData("statement: a\nvariables: {x: [Int]}\n", "variable 'x': expected Real, Int or Bool, found a list")]
    [InlineData("statement: a\ntimeout_seconds: \"30\"\n", "field 'timeout_seconds': expected a whole number from 1 to 86400, found '30'")]
    [InlineData("statement: a\ntimeout_seconds: 0\n", "field 'timeout_seconds': expected a whole number from 1 to 86400, found 0")]
    [InlineData("statement: a\ntimeout_seconds: 86401\n", "field 'timeout_seconds': expected a whole number from 1 to 86400, found 86401")]
    [InlineData("statement: a\ntimeout_seconds: 2.5\n", "field 'timeout_seconds': expected a whole number from 1 to 86400, found '2.5'")]
    [InlineData("statement: a\nuse_genetic_optimization: yes\n", "field 'use_genetic_optimization': expected true or false, found 'yes'")]
    [InlineData("statement: a\nstrategies: [z3, vampire]\n", "unknown strategy 'vampire' (expected z3, cvc5, portfolio or genetic)")]
    [InlineData("statement: a\nstrategies: [z3, z3]\n", "strategy 'z3' is listed twice")]
    [InlineData("statement: a\nstrategies: z3\n", "field 'strategies': expected a list of strategy names, found 'z3'")]
    [InlineData("statement: a\nformat: coq\n", "unknown format 'coq' (expected infix, smtlib2 or lean4)")]
    [InlineData("statement: a\nexpected: true\n", "unknown expected verdict 'true' (expected proved, disproved or unknown)")]
    [InlineData("statement: a\nmetadata: {a: [1]}\n", "metadata 'a': expected a text, found a list")]
    [InlineData("statement: a\nmetadata: text\n", "field 'metadata': expected a mapping of names to texts, found 'text'")]
    [InlineData("statement: a\nstatement: b\n", "field 'statement' is given twice")]
    [InlineData("statement: a\n[x]: b\n", "field name: expected a name, found a list")]
    [InlineData("statement: a\nvariables: {x: Int, x: Real}\n", "variable 'x' is declared twice")]
    public void WrongValuesSayWhatWasFoundAndWhatWasExpected(string yaml, string message)
    {
        var error = SingleError(yaml, "w.yaml");

        Assert.Equal(message, error.Message);
        Assert.Equal("w", error.TheoremId);
        Assert.True(error.Line > 0 && error.Column > 0);
    }

    [Theory]
    [InlineData("- statement: a\n", "file: expected a theorem mapping or a mapping with a 'theorems:' list, found a list")]
    [InlineData("just text\n", "file: expected a theorem mapping or a mapping with a 'theorems:' list, found 'just text'")]
    [InlineData("theorems: []\n", "field 'theorems' is empty (expected at least one theorem)")]
    [InlineData("theorems:\n", "field 'theorems' is empty (expected at least one theorem)")]
    [InlineData("theorems: {a: b}\n", "field 'theorems': expected a list of theorem mappings, found a mapping")]
    [InlineData("theorems: [x]\n", "theorem 1 of 'theorems': expected a theorem mapping, found 'x'")]
    [InlineData("name: n\ntheorems:\n  - statement: a\n", "unexpected top-level field 'name' (a file with a 'theorems:' list holds nothing else)")]
    [InlineData("a: 1\n---\nb: 2\n", "found a second YAML document (expected one document per file; remove the '---' or split the file)")]
    public void FileShapeErrors(string yaml, string message)
    {
        Assert.Equal(message, Assert.Single(TheoremFileLoader.LoadText(yaml, "shape.yaml").Errors, e => e.Message == message).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void EmptyFile(string yaml)
    {
        Assert.Equal(
            "empty.yaml: the file holds no theorem (expected a theorem mapping or a mapping with a 'theorems:' list)",
            SingleError(yaml, "empty.yaml").ToString());
    }

    [Fact]
    public void ReportsEveryProblemInAFile()
    {
        const string yaml = """
            theorems:
              - id: first
                statment: "x > 0"
                variables:
                  x: Float
              - id: second
                statement: "y > 0"
                timeout_seconds: -5
                strategies: [z4]
              - id: first
                statement: "z > 0"
              - id: fine
                statement: "w > 0"
            """;

        var file = TheoremFileLoader.LoadText(yaml, "many.yaml");

        Assert.Equal("fine", Assert.Single(file.Theorems).Id);
        Assert.Equal(
            [
                "many.yaml:2:5: theorem 'first': missing field 'statement' (expected a formula)",
                "many.yaml:3:5: theorem 'first': unknown field 'statment' (expected one of: id, name, domain, format, variables, "
                    + "definitions, assumptions, statement, lean_code, timeout_seconds, strategies, use_genetic_optimization, metadata, expected); "
                    + "did you mean 'statement'?",
                "many.yaml:5:10: theorem 'first': variable 'x' has unknown type 'Float' (expected Real, Int or Bool)",
                "many.yaml:8:22: theorem 'second': field 'timeout_seconds': expected a whole number from 1 to 86400, found -5",
                "many.yaml:9:18: theorem 'second': unknown strategy 'z4' (expected z3, cvc5, portfolio or genetic)",
                "many.yaml:10:9: duplicate id 'first' (already used by the theorem at line 2)",
            ],
            file.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void UnsupportedExtension()
    {
        Assert.Equal(
            "notes.txt: unsupported file extension '.txt' (expected .yaml, .yml, .json or .smt2)",
            SingleError("statement: a\n", "notes.txt").ToString());
        Assert.Equal(
            "README: the file name has no extension (expected .yaml, .yml, .json or .smt2)",
            Assert.Single(TheoremFileLoader.Load("README").Errors).ToString());
    }

    [Fact]
    public void MissingFileIsAnErrorNotAnException()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "gone.yaml");

        Assert.Equal($"{path}: file not found", Assert.Single(TheoremFileLoader.Load(path).Errors).ToString());
    }

    [Fact]
    public void InvalidUtf8IsReported()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "latin1.yaml");
        File.WriteAllBytes(path, [.. "id: t\nstatement: "u8, 0xE9, .. "\n"u8]);

        Assert.Equal($"{path}:2: the file is not valid UTF-8 (expected UTF-8 text)", Assert.Single(TheoremFileLoader.Load(path).Errors).ToString());
    }

    [Theory]
    [InlineData("f.yaml", null, 0, 0, "m", "f.yaml: m")]
    [InlineData("f.yaml", "t", 0, 0, "m", "f.yaml: theorem 't': m")]
    [InlineData("f.yaml", null, 3, 0, "m", "f.yaml:3: m")]
    [InlineData("f.yaml", "t", 3, 7, "m", "f.yaml:3:7: theorem 't': m")]
    public void ErrorTextLeavesOutUnknownParts(string file, string? id, int line, int column, string message, string expected)
    {
        Assert.Equal(expected, new DocumentError(file, id, line, column, message).ToString());
    }

    private static DocumentError SingleError(string text, string fileName)
    {
        var file = TheoremFileLoader.LoadText(text, fileName);
        Assert.Empty(file.Theorems);
        return Assert.Single(file.Errors);
    }
}
