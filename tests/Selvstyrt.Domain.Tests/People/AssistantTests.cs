using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.People;

public sealed class AssistantTests
{
    [Theory]
    [InlineData("", null, null, "fullName")]
    [InlineData("   ", null, null, "fullName")]
    [InlineData("Ola Nordmann", "ola.eksempel.no", null, "email")]
    [InlineData("Ola Nordmann", "@eksempel.no", null, "email")]
    [InlineData("Ola Nordmann", null, "tlf 123", "phone")]
    public void Create_BadField_IsRefusedWithNorwegianMessageNamingIt(string name, string? email, string? phone, string field)
    {
        var result = Assistant.Create(Guid.NewGuid(), Guid.NewGuid(), null, name, email, phone, null);

        var invalid = result.Error.ShouldBeOfType<Invalid>();
        invalid.Fields.Keys.ShouldBe([field]);
        invalid.Fields[field].ShouldEndWith(".");
    }

    [Fact]
    public void Create_TrimsAndKeepsOptionalFieldsEmpty()
    {
        var assistant = Assistant.Create(Guid.NewGuid(), Guid.NewGuid(), null, "  Åse Våge  ", "  ", "+47 900 00 000", null).Value!;

        assistant.FullName.ShouldBe("Åse Våge");
        assistant.Email.ShouldBeNull();
        assistant.Phone.ShouldBe("+47 900 00 000");
    }

    [Fact]
    public void Create_NameOver200Characters_IsRefused()
        => Assistant.Create(Guid.NewGuid(), Guid.NewGuid(), null, new string('a', 201), null, null, null)
            .Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("fullName");
}
