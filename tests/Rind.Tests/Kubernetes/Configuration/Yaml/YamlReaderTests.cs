using Rind.Kubernetes.Configuration.Yaml;

namespace Rind.Tests.Kubernetes.Configuration.Yaml;

/// <summary>rind's reader of the YAML kubeconfigs are written in, and its refusals.</summary>
public sealed class YamlReaderTests
{
    [Fact]
    public void Block_mappings_and_lists_nest_by_indentation()
    {
        var root = Read("""
            clusters:
            - name: lab
              cluster:
                server: https://lab:6443
            - name: prod
            users:
              - name: dev
            current-context: lab
            """);

        var clusters = Sequence(Value(root, "clusters"));
        Assert.Equal(2, clusters.Items.Count);
        Assert.Equal("https://lab:6443", Text(Value(Value(clusters.Items[0], "cluster"), "server")));
        Assert.Equal("prod", Text(Value(clusters.Items[1], "name")));
        Assert.Equal("dev", Text(Value(Sequence(Value(root, "users")).Items[0], "name")));
        Assert.Equal("lab", Text(Value(root, "current-context")));
    }

    [Fact]
    public void Json_is_read_as_flow_style()
    {
        var root = Read("""{"clusters":[{"name":"lab","cluster":{"server":"https://lab","insecure-skip-tls-verify":true}}],"users":[]}""");

        var cluster = Value(Sequence(Value(root, "clusters")).Items[0], "cluster");
        Assert.Equal("https://lab", Text(Value(cluster, "server")));
        Assert.Equal(new YamlScalar("true", Plain: true, 1), Value(cluster, "insecure-skip-tls-verify"));
        Assert.Empty(Sequence(Value(root, "users")).Items);
    }

    [Fact]
    public void Flow_style_may_span_lines_with_comments_and_a_trailing_comma()
    {
        var root = Read("args: [\n  --region, eu-west-1, # the region\n  'x y',\n]\nenv: {a: 1, b}\n");

        Assert.Equal(["--region", "eu-west-1", "x y"], Sequence(Value(root, "args")).Items.Select(Text));
        Assert.True(((YamlScalar)Value(Value(root, "env"), "b")).IsNull);
    }

    [Theory]
    [InlineData("v: plain text  # a comment", "plain text", true)]
    [InlineData("v: 'it''s # not a comment'", "it's # not a comment", false)]
    [InlineData("v: \"tab\\there \\\"q\\\" \\u00e9 \\x41\"", "tab\there \"q\" é A", false)]
    [InlineData("v: https://host:6443/path#frag", "https://host:6443/path#frag", true)]
    [InlineData("v: \"a\n  b\n\n  c\"", "a b\nc", false)]
    [InlineData("v: 'one\n   two'", "one two", false)]
    [InlineData("v: first\n  second\n", "first second", true)]
    [InlineData("v: \"joined\\\n   here\"", "joinedhere", false)]
    [InlineData("v:\n", "", true)]
    [InlineData("v: ~", "~", true)]
    public void Scalars_are_read_as_yaml_writes_them(string text, string value, bool plain)
    {
        var scalar = (YamlScalar)Value(Read(text), "v");

        Assert.Equal(value, scalar.Value);
        Assert.Equal(plain, scalar.Plain);
    }

    [Theory]
    [InlineData("v: |\n  line 1\n    more\n  line 3\n\nw: x\n", "line 1\n  more\nline 3\n")]
    [InlineData("v: |-\n  a\n  b\n\n", "a\nb")]
    [InlineData("v: |+\n  a\n\n\n", "a\n\n\n")]
    [InlineData("v: >\n  folded\n  text\n\n  para\n", "folded text\npara\n")]
    [InlineData("v: >-\n  a\n    indented\n  b\n", "a\n  indented\nb")]
    [InlineData("- |2\n    two more\n", "  two more\n")]
    public void Block_scalars_keep_or_fold_their_lines_and_chomp_as_told(string text, string value)
    {
        var root = Read(text);
        var node = root is YamlSequence sequence ? sequence.Items[0] : Value(root, "v");

        Assert.Equal(value, Text(node));
    }

    [Fact]
    public void A_list_may_stand_at_the_indentation_of_its_key()
    {
        var root = Read("args:\n- a\n- b\nnext: c\n");

        Assert.Equal(["a", "b"], Sequence(Value(root, "args")).Items.Select(Text));
        Assert.Equal("c", Text(Value(root, "next")));
    }

    [Fact]
    public void Lines_are_counted_from_one_for_every_node()
    {
        var root = (YamlMapping)Read("# head\n\nclusters:\n- name: lab\n  cluster: {server: x}\n")!;

        var clusters = Sequence(Value(root, "clusters"));
        Assert.Equal(3, root.Line);
        Assert.Equal(4, clusters.Line);
        Assert.Equal(4, Value(clusters.Items[0], "name").Line);
        Assert.Equal(5, Value(clusters.Items[0], "cluster").Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n\n")]
    [InlineData("---\n")]
    [InlineData("---\n...\n")]
    public void An_empty_document_has_no_root(string text)
    {
        Assert.Null(YamlReader.Read(text));
    }

    [Fact]
    public void A_document_start_marker_and_windows_line_ends_are_taken()
    {
        var root = Read("---\r\napiVersion: v1\r\nkind: Config\r\n");

        Assert.Equal("Config", Text(Value(root, "kind")));
    }

    [Theory]
    [InlineData("a: &x 1\nb: *x\n", 1, "anchors (&) are not read by rind")]
    [InlineData("a: !!str 1\n", 1, "tags (!) are not read by rind")]
    [InlineData("? complex\n: key\n", 1, "complex keys (?) are not read by rind")]
    [InlineData("%YAML 1.2\n---\na: 1\n", 1, "directives")]
    [InlineData("a: 1\n---\nb: 2\n", 2, "a second document begins here")]
    [InlineData("a: {b: [1, 2}\n", 1, "',' or ']' was expected here")]
    [InlineData("a: [1, 2\n", 2, "braces or brackets are not closed")]
    [InlineData("a: \"open\n", 2, "a quoted value is not closed")]
    [InlineData("a: 1\na: 2\n", 2, "the key \"a\" is in this mapping twice")]
    [InlineData("a: b: c\n", 1, "a mapping cannot begin on the line of its key")]
    [InlineData("a:\n  b: 1\n    c: 2\n", 3, "is this line indented too much?")]
    [InlineData("a:\n  b:\n    - 1\n   c: 2\n", 4, "indented more than the keys of its mapping")]
    [InlineData("a:\n\tb: 1\n", 2, "indented with a tab")]
    [InlineData("a: 'x' y\n", 1, "text follows a quoted value")]
    [InlineData("a: \"\\q\"\n", 1, "\\q is no escape")]
    public void What_rind_does_not_read_is_refused_with_its_line(string text, int line, string words)
    {
        var failure = Assert.Throws<YamlSyntaxException>(() => YamlReader.Read(text));

        Assert.Contains(words, failure.Message, StringComparison.Ordinal);
        Assert.Equal(line, failure.Line);
    }

    private static YamlNode Read(string text) => YamlReader.Read(text) ?? throw new InvalidOperationException("no document");

    private static YamlNode Value(YamlNode node, string key) =>
        Assert.Single(((YamlMapping)node).Entries, entry => entry.Key == key).Value;

    private static YamlSequence Sequence(YamlNode node) => Assert.IsType<YamlSequence>(node);

    private static string Text(YamlNode node) => Assert.IsType<YamlScalar>(node).Value;
}
