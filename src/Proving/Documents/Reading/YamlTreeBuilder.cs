using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Hms.Proving.Documents.Reading;

/// <summary>Turns YAML (or JSON) text into a <see cref="TreeNode"/> tree from YamlDotNet's parser events.</summary>
internal static partial class YamlTreeBuilder
{
    /// <summary>
    /// Returns the single document's root, or null when there is none or the text is not valid
    /// YAML (the reason is reported). Aliases become <see cref="AliasNode"/>s and are never expanded.
    /// </summary>
    public static TreeNode? Build(string text, ErrorCollector errors)
    {
        // An explicit stack rather than recursion: depth is capped anyway, but this keeps the
        // builder's own stack use flat whatever the input.
        var open = new Stack<OpenCollection>();
        TreeNode? root = null;
        var documents = 0;
        var lastPosition = new SourcePosition(1, 1);
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                lastPosition = SourcePosition.From(current.End);
                var position = SourcePosition.From(current.Start);
                TreeNode? completed = null;
                switch (current)
                {
                    case DocumentStart when ++documents > 1:
                        errors.Add(null, position, "found a second YAML document (expected one document per file; remove the '---' or split the file)");
                        return root;
                    case Scalar scalar:
                        // Any tag (e.g. !!str) opts out of YAML typing, as does quoting.
                        completed = new ScalarNode(
                            position,
                            scalar.Value,
                            scalar.Style == ScalarStyle.Plain && (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific));
                        break;
                    case AnchorAlias alias:
                        completed = new AliasNode(position, alias.Value.Value);
                        break;
                    case SequenceStart sequence:
                        if (!TryOpen(open, new OpenCollection(position, false, sequence.Style == SequenceStyle.Flow), errors))
                        {
                            return null;
                        }

                        break;
                    case MappingStart mapping:
                        if (!TryOpen(open, new OpenCollection(position, true, mapping.Style == MappingStyle.Flow), errors))
                        {
                            return null;
                        }

                        break;
                    case SequenceEnd or MappingEnd:
                        completed = open.Pop().Close();
                        break;
                }

                if (completed is not null)
                {
                    if (open.Count == 0)
                    {
                        root = completed;
                    }
                    else
                    {
                        open.Peek().Add(completed);
                    }
                }
            }

            return root;
        }
        catch (YamlException exception)
        {
            errors.Add(null, SourcePosition.From(exception.Start), $"invalid YAML: {WithoutPosition(exception.Message)}");
            return null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // YamlDotNet occasionally fails with a bare exception and no position (an unclosed '['
            // followed by a block mapping throws InvalidOperationException), so point at where
            // parsing stopped instead; whatever the parser's bug, bad input must not crash a caller.
            var hint = open.FirstOrDefault(c => c.IsFlow) is { } flow
                ? $"; check that the {(flow.IsMapping ? "'{'" : "'['")} at line {flow.Position.Line}, column {flow.Position.Column} is closed"
                : "";
            errors.Add(null, lastPosition, $"invalid YAML: the parser stopped here{hint}");
            return null;
        }
    }

    private static bool TryOpen(Stack<OpenCollection> open, OpenCollection collection, ErrorCollector errors)
    {
        if (open.Count >= DocumentLimits.MaxNestingDepth)
        {
            // Stop reading at once: YamlDotNet gets quadratically slower the deeper it goes.
            errors.Add(null, collection.Position, $"nesting is deeper than {DocumentLimits.MaxNestingDepth} levels (a theorem file needs at most 5)");
            return false;
        }

        open.Push(collection);
        return true;
    }

    /// <summary>YamlDotNet prefixes messages with "(Line: .., Col: .., Idx: ..) - (...): "; we report the position ourselves.</summary>
    private static string WithoutPosition(string message) => PositionPrefix().Replace(message, "");

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
