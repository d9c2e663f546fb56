using Rind.Backends;

namespace Rind.Tests.Backends;

/// <summary>How the app.rind labels (or a pod's annotations of the same names) say commands run.</summary>
public sealed class RindLabelTests
{
    private static readonly FolderMapping[] Folders = [new("/home/me/proj", "/code")];

    [Fact]
    public void The_labels_give_the_pre_step_the_shell_as_words_and_the_user()
    {
        var settings = RindLabel.SettingsOf(Labels(("app.rind", "  source /venv/bin/activate "), ("app.rind.shell", " zsh  -l "), ("app.rind.user", " www-data ")), "label", Folders);

        Assert.Equal("label", settings.Source);
        Assert.Equal("source /venv/bin/activate", settings.PreStep);
        Assert.Equal(["zsh", "-l"], settings.Shell);
        Assert.Equal("www-data", settings.User);
        Assert.Equal(Folders, settings.Folders);
    }

    [Fact]
    public void Empty_labels_mean_nothing()
    {
        var settings = RindLabel.SettingsOf(Labels(("app.rind", " "), ("app.rind.shell", " "), ("app.rind.user", "")), "annotation", Folders);

        Assert.Null(settings.PreStep);
        Assert.Null(settings.Shell);
        Assert.Null(settings.User);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("off")]
    [InlineData(" No ")]
    [InlineData("0")]
    public void The_cwd_label_turns_the_folder_mapping_off(string value)
    {
        Assert.Empty(RindLabel.SettingsOf(Labels(("app.rind.cwd", value)), "label", Folders).Folders);
    }

    [Fact]
    public void Any_other_cwd_label_keeps_the_folder_mapping()
    {
        Assert.Equal(Folders, RindLabel.SettingsOf(Labels(("app.rind.cwd", "true")), "label", Folders).Folders);
    }

    private static Dictionary<string, string> Labels(params (string Key, string Value)[] labels) =>
        labels.ToDictionary(label => label.Key, label => label.Value);
}
