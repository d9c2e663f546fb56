using Rind.Execution;

namespace Rind.Tests.Execution;

public sealed class ExecStartFailureTests
{
    // Docker 20.10 (measured), on the stdout stream, every one with exit code 126.
    private const string DockerNoSuchFolder =
        "OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd (\"/nonexistent\") set in config.json failed: no such file or directory: unknown\r\n";

    private const string DockerNotAFolder =
        "OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd (\"/etc/passwd\") set in config.json failed: not a directory: unknown: " +
        "Are you trying to mount a directory onto a file (or vice-versa)? Check if the specified host path exists and is the expected type\r\n";

    private const string DockerNoSuchUser = "unable to find user nosuchuser: no matching entries in passwd file\r\n";

    private const string DockerNoSuchGroup = "unable to find group nosuchgroup: no matching entries in group file\r\n";

    private const string DockerNoSuchPath =
        "OCI runtime exec failed: exec failed: unable to start container process: exec: \"/nonexist\": stat /nonexist: no such file or directory: unknown\r\n";

    private const string DockerNotInPath =
        "OCI runtime exec failed: exec failed: unable to start container process: exec: \"nope\": executable file not found in $PATH: unknown\r\n";

    private const string DockerPermissionDenied =
        "OCI runtime exec failed: exec failed: unable to start container process: exec: \"/etc\": permission denied: unknown\r\n";

    // Docker 25 and later, from its source: containerd's image store names no user or group, and "is a
    // directory" gets "permission denied" added for the docker CLI's sake.
    private const string ContainerdNoSuchUser = "no users found\r\n";

    private const string ContainerdNoSuchGroup = "no groups found\r\n";

    private const string DockerIsAFolder =
        "OCI runtime exec failed: exec failed: unable to start container process: exec: \"/etc\": is a directory: unknown: permission denied\r\n";

    // Podman 4.3 with runc (measured), on the stderr stream; it looks users and groups up itself and
    // refuses the start request with the same words as Docker.
    private const string PodmanNoSuchFolder =
        "Error: runc: exec failed: unable to start container process: chdir to cwd (\"/nonexistent\") set in config.json failed: no such file or directory: " +
        "OCI runtime attempted to invoke a command that was not found\n";

    private const string PodmanNotAFolder =
        "Error: runc: exec failed: unable to start container process: chdir to cwd (\"/etc/passwd\") set in config.json failed: not a directory: OCI runtime error\n";

    private const string PodmanNoSuchPath =
        "Error: runc: exec failed: unable to start container process: exec: \"/nonexist\": stat /nonexist: no such file or directory: " +
        "OCI runtime attempted to invoke a command that was not found\n";

    private const string PodmanNotInPath =
        "Error: runc: exec failed: unable to start container process: exec: \"nope\": executable file not found in $PATH: " +
        "OCI runtime attempted to invoke a command that was not found\n";

    private const string PodmanPermissionDenied =
        "Error: runc: exec failed: unable to start container process: exec: \"/etc\": permission denied: OCI permission denied\n";

    // Podman with crun, from crun's source.
    private const string CrunNoSuchFolder =
        "Error: crun: chdir to `/nonexistent`: No such file or directory: OCI runtime attempted to invoke a command that was not found\n";

    private const string CrunNotInPath =
        "Error: crun: executable file `nope` not found in $PATH: No such file or directory: OCI runtime attempted to invoke a command that was not found\n";

    private const string CrunNotExecutable =
        "Error: crun: the path `/etc/passwd` exists but it is not executable: Operation not permitted: OCI permission denied\n";

    private const string CrunNotAFile = "Error: crun: the path `/etc` is not a regular file: Operation not permitted: OCI permission denied\n";

    [Theory]
    [InlineData(DockerNoSuchFolder, nameof(StartFailureCause.NoSuchWorkingFolder))]
    [InlineData(PodmanNoSuchFolder, nameof(StartFailureCause.NoSuchWorkingFolder))]
    [InlineData(CrunNoSuchFolder, nameof(StartFailureCause.NoSuchWorkingFolder))]
    [InlineData(DockerNotAFolder, nameof(StartFailureCause.WorkingFolderIsNoFolder))]
    [InlineData(PodmanNotAFolder, nameof(StartFailureCause.WorkingFolderIsNoFolder))]
    [InlineData(
        "OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd (\"/root\") set in config.json failed: permission denied: unknown\r\n",
        nameof(StartFailureCause.WorkingFolderNotAllowed))]
    [InlineData(DockerNoSuchUser, nameof(StartFailureCause.NoSuchUser))]
    [InlineData(ContainerdNoSuchUser, nameof(StartFailureCause.NoSuchUser))]
    [InlineData(DockerNoSuchGroup, nameof(StartFailureCause.NoSuchGroup))]
    [InlineData(ContainerdNoSuchGroup, nameof(StartFailureCause.NoSuchGroup))]
    [InlineData(DockerNoSuchPath, nameof(StartFailureCause.CommandNotFound))]
    [InlineData(DockerNotInPath, nameof(StartFailureCause.CommandNotFound))]
    [InlineData(PodmanNoSuchPath, nameof(StartFailureCause.CommandNotFound))]
    [InlineData(PodmanNotInPath, nameof(StartFailureCause.CommandNotFound))]
    [InlineData(CrunNotInPath, nameof(StartFailureCause.CommandNotFound))]
    [InlineData(DockerPermissionDenied, nameof(StartFailureCause.CommandNotAllowed))]
    [InlineData(PodmanPermissionDenied, nameof(StartFailureCause.CommandNotAllowed))]
    [InlineData(CrunNotExecutable, nameof(StartFailureCause.CommandNotAllowed))]
    [InlineData(CrunNotAFile, nameof(StartFailureCause.CommandNotAllowed))]
    [InlineData(DockerIsAFolder, nameof(StartFailureCause.CommandIsAFolder))]
    [InlineData("OCI runtime exec failed: exec failed: something new: unknown\r\n", nameof(StartFailureCause.Other))]
    [InlineData("Error: crun: something new: OCI runtime error\n", nameof(StartFailureCause.Other))]
    public void The_engines_words_say_what_failed(string engineMessage, string cause)
    {
        Assert.Equal(cause, ExecStartFailure.CauseOf(engineMessage).ToString());
    }

    [Theory]
    [InlineData(DockerNoSuchFolder)]
    [InlineData(PodmanNoSuchFolder)]
    public void A_missing_working_folder_is_named_and_is_126(string engineMessage)
    {
        var failure = ExecStartFailure.Classify(Plan("pwd") with { WorkingDirectory = "/nonexistent" }, engineMessage);

        Assert.Equal(new ExecStartFailure(126, "cannot run in /nonexistent: no such folder in the container"), failure);
    }

    [Fact]
    public void A_working_folder_that_is_a_file_is_named_and_is_126()
    {
        var failure = ExecStartFailure.Classify(Plan("pwd") with { WorkingDirectory = "/etc/passwd" }, PodmanNotAFolder);

        Assert.Equal(new ExecStartFailure(126, "cannot run in /etc/passwd: not a folder in the container"), failure);
    }

    [Fact]
    public void The_containers_own_working_folder_is_described_when_rind_chose_none()
    {
        var failure = ExecStartFailure.Classify(Plan("pwd"), DockerNoSuchFolder);

        Assert.Equal("cannot run in the container's working folder: no such folder in the container", failure.Message);
    }

    [Theory]
    [InlineData("nosuchuser", DockerNoSuchUser)]
    [InlineData("nosuchuser:nosuchgroup", DockerNoSuchUser)]
    [InlineData("nosuchuser", ContainerdNoSuchUser)]
    public void A_missing_user_is_named_and_is_126(string user, string engineMessage)
    {
        var failure = ExecStartFailure.Classify(Plan("id") with { User = user }, engineMessage);

        Assert.Equal(new ExecStartFailure(126, "no user nosuchuser in the container"), failure);
    }

    [Theory]
    [InlineData(DockerNoSuchGroup)]
    [InlineData(ContainerdNoSuchGroup)]
    public void A_missing_group_is_named_and_is_126(string engineMessage)
    {
        var failure = ExecStartFailure.Classify(Plan("id") with { User = "0:nosuchgroup" }, engineMessage);

        Assert.Equal(new ExecStartFailure(126, "no group nosuchgroup in the container"), failure);
    }

    [Theory]
    [InlineData(DockerNotInPath)]
    [InlineData(DockerNoSuchPath)]
    [InlineData(PodmanNotInPath)]
    [InlineData(CrunNotInPath)]
    public void A_missing_command_is_127_as_in_a_shell(string engineMessage)
    {
        Assert.Equal(new ExecStartFailure(127, "nope: command not found"), ExecStartFailure.Classify(Plan("nope"), engineMessage));
    }

    [Theory]
    [InlineData(DockerPermissionDenied)]
    [InlineData(PodmanPermissionDenied)]
    [InlineData(CrunNotAFile)]
    public void A_command_that_may_not_be_run_is_126(string engineMessage)
    {
        Assert.Equal(new ExecStartFailure(126, "/etc: permission denied"), ExecStartFailure.Classify(Plan("/etc"), engineMessage));
    }

    [Fact]
    public void A_directory_is_126()
    {
        Assert.Equal(new ExecStartFailure(126, "/etc: is a directory"), ExecStartFailure.Classify(Plan("/etc"), DockerIsAFolder));
    }

    [Fact]
    public void Any_other_reason_is_126_with_the_engines_words_on_one_line()
    {
        var failure = ExecStartFailure.Classify(Plan("x"), "OCI runtime exec failed: something new\r\n");

        Assert.Equal(new ExecStartFailure(126, "cannot run x: OCI runtime exec failed: something new"), failure);
    }

    [Fact]
    public void Control_characters_in_the_engines_words_are_shown_as_escapes()
    {
        var failure = ExecStartFailure.Classify(Plan("x"), "OCI runtime exec failed: \u001b[2Jgone\r\n");

        Assert.Equal("cannot run x: OCI runtime exec failed: \\x1b[2Jgone", failure.Message);
    }

    [Fact]
    public void A_missing_user_rind_was_not_asked_for_is_told_in_the_engines_words()
    {
        var failure = ExecStartFailure.Classify(Plan("id"), DockerNoSuchUser);

        Assert.Equal(new ExecStartFailure(126, "cannot run id: unable to find user nosuchuser: no matching entries in passwd file"), failure);
    }

    private static ExecPlan Plan(string command) => new([command, "arg"], Tty: false, Environment: []);
}
