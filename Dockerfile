# Multi-stage build of the portal. docker-compose.yml runs it with PostgreSQL.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig GovInfoPortal.sln ./
COPY src/ src/
RUN dotnet publish src/GovInfoPortal.Web/GovInfoPortal.Web.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider=Postgres \
    DOTNET_gcServer=0
EXPOSE 8080
# The export folder (Storage:Path's default; docker-compose.yml mounts a volume shared by all instances there)
# belongs to the app's user: a new volume takes this ownership from the image.
RUN mkdir -p /app/App_Data/exports && chown "$APP_UID" /app/App_Data/exports
USER $APP_UID
ENTRYPOINT ["dotnet", "GovInfoPortal.Web.dll"]
