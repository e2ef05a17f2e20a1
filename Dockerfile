# Build: docker build -t policy-graph .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
COPY graphql-schema graphql-schema
COPY cypher cypher
RUN ./mvnw -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 1001 policygraph
WORKDIR /app
COPY --from=build /src/target/policy-graph-*.jar /app/policy-graph.jar
USER policygraph
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD wget -qO- http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:-DontCompileHugeMethods", "-jar", "/app/policy-graph.jar"]
