module github.com/herald-advocacy/herald

go 1.26
