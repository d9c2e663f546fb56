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
    [InlineData("a: !!str 1\n", 1, "tags (!) are not read by rind")]
    [InlineData("? complex\n: key\n", 1, "complex keys (?) are not read by rind")]
    [InlineData("%YAML 1.2\n---\na: 1\n", 1, "YAML 1.2 is not read by rind or kubectl")]
    [InlineData("%YAML 1.1\na: 1\n", 2, "a document start (---) must follow the directives")]
    [InlineData("a: *x\n", 1, "the alias *x names no anchor before it")]
    [InlineData("a: &x.y 1\n", 1, "the name after '&' must be letters")]
    [InlineData("a: {b: 1}\nc:\n  <<: 5\n", 3, "a merge key (<<) takes a mapping or a list of mappings")]
    [InlineData("a: [{b: 1}]\nc: {<<: [*a]}\n", 2, "the alias *a names no anchor")]
    [InlineData("a: x\u0001y\n", 1, "the character U+0001 is not allowed in YAML")]
    [InlineData("a: 1\nb: \u0000\n", 2, "U+0000 is not allowed in YAML (is the file UTF-16 without a byte order mark?)")]
    [InlineData("a: x # ends it\n  y\n", 2, "indented more than the keys of its mapping")]
    [InlineData("a: x\n# ends it\n  y\n", 3, "indented more than the keys of its mapping")]
    [InlineData("a: {b: [1, 2}\n", 1, "',' or ']' was expected here")]
    [InlineData("a: [1, 2\n", 2, "braces or brackets are not closed")]
    [InlineData("a: \"open\n", 2, "a quoted value is not closed")]
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

    [Fact]
    public void Half_a_surrogate_pair_is_refused_with_its_line()
    {
        var failure = Assert.Throws<YamlSyntaxException>(() => YamlReader.Read("a: 1\nb: x\ud800\n"));

        Assert.Equal("the character U+D800 is not allowed in YAML", failure.Message);
        Assert.Equal((2, 5), (failure.Line, failure.Column));
    }

    [Fact]
    public void A_comment_may_begin_at_the_start_of_any_line()
    {
        var root = Read("a: 1\n# a comment\nb:\n# inside\n  c: 2\n#last");

        Assert.Equal("2", Text(Value(Value(root, "b"), "c")));
    }

    [Fact]
    public void A_comment_line_inside_braces_is_passed_over()
    {
        var root = Read("a: {b: 1,\n# a comment\n c: 2}\n");

        Assert.Equal("2", Text(Value(Value(root, "a"), "c")));
    }

    [Fact]
    public void Only_the_first_document_is_read_and_what_follows_it_is_not()
    {
        Assert.Equal("1", Text(Value(Read("a: 1\n---\nb: [unclosed\n"), "a")));
        Assert.Equal("1", Text(Value(Read("---\na: 1\n...\n{{{\n"), "a")));
        Assert.Null(YamlReader.Read("---\n---\na: 1\n"));
    }

    [Fact]
    public void A_yaml_1_1_directive_is_passed_over()
    {
        Assert.Equal("1", Text(Value(Read("%YAML 1.1\n---\na: 1\n"), "a")));
    }

    [Fact]
    public void A_key_repeated_in_a_mapping_takes_its_last_value()
    {
        var root = Read("a: 1\nb: {c: 2, c: 3}\na: 4\n");

        Assert.Equal("4", Text(Value(root, "a")));
        Assert.Equal("3", Text(Value(Value(root, "b"), "c")));
    }

    [Fact]
    public void An_alias_is_the_node_anchored_before_it_with_that_name()
    {
        var root = Read("""
            base: &cluster
              server: https://lab
            list: &items [a, &b b]
            scalar: &word "quoted"
            uses:
            - *cluster
            - *items
            - {x: *word, y: *b}
            - &cluster {server: again}
            - *cluster
            """);

        var uses = Sequence(Value(root, "uses")).Items;
        Assert.Same(Value(root, "base"), uses[0]);
        Assert.Equal(["a", "b"], Sequence(uses[1]).Items.Select(Text));
        Assert.Equal(new YamlScalar("quoted", Plain: false, 4), Value(uses[2], "x"));
        Assert.Equal("b", Text(Value(uses[2], "y")));
        Assert.Equal("again", Text(Value(uses[4], "server")));
    }

    [Fact]
    public void A_merge_key_sets_the_keys_of_its_mappings_in_order_with_later_keys_winning()
    {
        var root = Read("""
            a: &a {server: a, name: a}
            b: &b {server: b, proxy: b}
            before:
              server: mine
              <<: *a
            after:
              <<: *a
              server: mine
            list: {<<: [*b, *a]}
            quoted: {"<<": x}
            """);

        Assert.Equal(("a", "a"), (Text(Value(Value(root, "before"), "server")), Text(Value(Value(root, "before"), "name"))));
        Assert.Equal("mine", Text(Value(Value(root, "after"), "server")));
        Assert.Equal(("b", "a", "b"), (Text(Value(Value(root, "list"), "server")), Text(Value(Value(root, "list"), "name")), Text(Value(Value(root, "list"), "proxy"))));
        Assert.Equal("x", Text(Value(Value(root, "quoted"), "<<")));
    }

    [Fact]
    public void Aliases_that_grow_the_document_past_the_bound_are_refused_at_once()
    {
        var text = new System.Text.StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level < 10; level++)
        {
            text.Append($"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]\n");
        }

        var failure = Assert.Throws<YamlSyntaxException>(() => YamlReader.Read(text.ToString()));

        Assert.Equal($"the aliases add more than {YamlReader.MaxAliasNodes} nodes to the document, which rind does not read", failure.Message);
        Assert.Equal(6, failure.Line);
    }

    private static YamlNode Read(string text) => YamlReader.Read(text) ?? throw new InvalidOperationException("no document");

    private static YamlNode Value(YamlNode node, string key) =>
        Assert.Single(((YamlMapping)node).Entries, entry => entry.Key == key).Value;

    private static YamlSequence Sequence(YamlNode node) => Assert.IsType<YamlSequence>(node);

    private static string Text(YamlNode node) => Assert.IsType<YamlScalar>(node).Value;
}
