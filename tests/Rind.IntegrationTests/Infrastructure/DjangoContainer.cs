namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// A labelled container of the Django image, made as compose would make service web of project
/// mysite, running in the project's folder: what the completion tests complete against.
/// </summary>
public static class DjangoContainer
{
    public const string Service = "web";

    public const string Project = "mysite";

    public static Task<LabelledContainer> StartAsync() =>
        LabelledContainer.StartAsync(
            TestImages.Django,
            labels: new Dictionary<string, string>
            {
                ["com.docker.compose.project"] = Project,
                ["com.docker.compose.service"] = Service,
            },
            workingDirectory: TestImages.DjangoProject);
}
