# The app as a small image: built with the Maven wrapper, run on a JRE as a user without privileges.
# docker-compose.yml builds and runs it with PostGIS; see README.md, "In production".
#   docker build -t trygghetskartan .

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# The dependencies in a layer of their own, which a change to the code leaves in the build cache.
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY db db
COPY frontend frontend
# The tests need PostGIS and a browser; they run in CI (./tk test), not here.
RUN ./mvnw -B -q package -DskipTests && cp target/trygghetskartan-*.jar /src/app.jar

# Alpine: about 100 MB smaller than the Ubuntu-based JRE; busybox's wget serves the health check.
FROM eclipse-temurin:17-jre-alpine
RUN addgroup -S -g 10001 trygg && adduser -S -u 10001 -G trygg -H -s /sbin/nologin trygg
WORKDIR /app
COPY --from=build /src/app.jar app.jar
# A numeric user, so that Kubernetes' runAsNonRoot can check it.
USER 10001:10001
EXPOSE 8080
# The heap follows the container's memory limit; an OutOfMemoryError ends the process, for a restart.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# Liveness only: readiness (/readyz) also needs the database, and a restart would not bring it back.
HEALTHCHECK --interval=15s --timeout=3s --start-period=90s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1:8080/livez || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
