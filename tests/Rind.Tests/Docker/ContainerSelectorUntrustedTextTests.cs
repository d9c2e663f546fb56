using Rind.Backends;
using Rind.Diagnostics;
using Rind.Docker;
using Rind.Docker.Models;

namespace Rind.Tests.Docker;

/// <summary>Names, labels and statuses an engine or an image's author chose, in rind's messages.</summary>
public sealed class ContainerSelectorUntrustedTextTests
{
    private const string TitleAndClear = "\u001b]0;pwned\u0007\u001b[2J";

    [Fact]
    public void Escape_sequences_in_labels_are_shown_as_escapes_in_the_choice()
    {
        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select(
            [Compose("shop-web-1", TitleAndClear, "web"), Compose("shop-db-1", "shop", "\u009b31mdb")], FindCriteria.None));

        Assert.Equal(
            "2 running containers carry the label app.rind; choose one:\n" +
            "  shop-db-1 (service \\u009b31mdb, project shop): rind -c shop-db-1\n" +
            "  shop-web-1 (service web, project \\x1b]0;pwned\\x07\\x1b[2J): rind -s web",
            exception.Message);
    }

    [Fact]
    public void A_newline_in_a_label_cannot_forge_a_line_of_rinds()
    {
        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select(
            [Compose("a-1", "shop\nrind: all is well", "web"), Compose("b-1", "shop", "db\r\nrind: forged")], FindCriteria.None));

        var lines = exception.Message.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("  a-1 (service web, project shop\\nrind: all is well): rind -s web", lines[1]);
        Assert.Equal("  b-1 (service db\\r\\nrind: forged, project shop): rind -c b-1", lines[2]);
    }

    [Theory]
    [InlineData("my web", "rind -s 'my web'")]
    [InlineData("it's", @"rind -s 'it'\''s'")]
    [InlineData("web;reboot", "rind -s 'web;reboot'")]
    [InlineData("café", "rind -s 'café'")]
    public void A_service_a_shell_would_not_take_as_one_word_is_suggested_quoted(string service, string command)
    {
        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select([Compose("a-1", "p", service), Compose("b-1", "p", "db")], FindCriteria.None));

        Assert.Contains($"): {command}\n", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_container_whose_name_cannot_be_typed_back_is_suggested_by_its_id()
    {
        var hostile = Container("web\u001b[8m", "running") with { Id = "0123456789abcdef0123" };

        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select([hostile, Container("db", "running")], FindCriteria.None));

        Assert.Contains("  web\\x1b[8m: rind -c 0123456789ab", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stopped_container_is_reported_with_its_status_and_labels_escaped_on_one_line()
    {
        var stopped = Compose("shop-web-1", "shop\u001b]0;x\u0007", "web\nrind: ok", state: "exited") with
        {
            Id = "0123456789abcdef0123",
            Status = "Exited (0)\r\u001b[Krind: fine",
        };

        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select([stopped], FindCriteria.None));

        Assert.Equal(
            "container shop-web-1 (service web\\nrind: ok, project shop\\x1b]0;x\\x07) carries the label app.rind but is not running " +
            "(Exited (0)\\r\\x1b[Krind: fine): start it (docker start shop-web-1, or docker compose up -d)",
            exception.Message);
    }

    [Fact]
    public void A_stopped_compose_container_with_a_project_a_shell_would_split_is_started_with_it_quoted()
    {
        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select([Compose("a-1", "my shop", "web", state: "exited")], FindCriteria.None));

        Assert.EndsWith("start it (docker compose -p 'my shop' start web)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stopped_containers_are_named_with_their_control_characters_as_escapes()
    {
        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select(
            [Container("a\u0007", "exited"), Container("b\u202e", "created")], FindCriteria.None));

        Assert.StartsWith("containers a\\x07, b\\u202e carry the label app.rind", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_very_long_label_is_cut()
    {
        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select(
            [Compose("a-1", new string('p', 100_000), "web"), Compose("b-1", "shop", "db")], FindCriteria.None));

        Assert.True(exception.Message.Length < 1_000, $"the message is {exception.Message.Length} characters long");
        Assert.Contains(new string('p', UntrustedText.MaxLength) + "…)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_user_asked_for_is_shown_as_escapes_too()
    {
        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select(
            [Compose("a-1", "shop", "web")], new FindCriteria("x\nrind: y", null, null)));

        Assert.StartsWith("no container of the service x\\nrind: y carries", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Fact]
    public void No_message_holds_a_control_character_but_its_own_line_breaks()
    {
        var hostile = "\u001b\u0007\r\u0085\u009b\u200f\u2066\0\u007f";

        var exception = Assert.Throws<RindException>(() => ContainerSelector.Select(
            [Compose("a" + hostile, hostile, hostile), Compose("b" + hostile, hostile, hostile)], FindCriteria.None));

        Assert.DoesNotContain(exception.Message, character => character != '\n' && UntrustedText.IsControl(character));
        Assert.Equal(3, exception.Message.Split('\n').Length);
    }

    private static ContainerSummary Compose(string name, string project, string service, string state = "running") =>
        Container(name, state) with
        {
            Labels = new Dictionary<string, string>
            {
                ["app.rind"] = "",
                ["com.docker.compose.project"] = project,
                ["com.docker.compose.service"] = service,
            },
        };

    private static ContainerSummary Container(string name, string state) => new()
    {
        Id = "feedfacecafe0000",
        Names = ["/" + name],
        State = state,
    };
}
